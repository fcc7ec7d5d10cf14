/*
 * The finder, enhanced: answer without page reloads.
 *
 * Every node of the finder is a static page whose answers are plain links, so
 * the finder works without this script. With it, a click on a link inside the
 * finder fetches the target page, swaps in its [data-finder] part, and puts
 * the target's address in the location bar: reload and share keep the state,
 * and the back button goes back one question. Focus moves to the new heading
 * and a polite live region announces it. All wording comes from the fetched
 * page: this script holds no text of its own.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-finder]");
  var status = document.querySelector("[data-finder-status]");
  if (!root || !window.fetch || !window.DOMParser || !window.history.pushState) {
    return;
  }
  // The finder's own folder: only links below it are handled in place.
  var restart = root.querySelector("[data-restart]");
  var scope = new URL(restart ? restart.getAttribute("href") : ".", document.baseURI).pathname;

  // Links that a change of address must not move: stylesheets and scripts are
  // loaded once, but links and the icon are resolved again on every use.
  var PINNED = "a[href], area[href], link[href]:not([rel~='stylesheet']):not([rel~='preload']), form[action]";

  // Rewrite the relative addresses in `container` as absolute ones, resolved
  // against `base`, the address of the page they were written for. Without
  // this, once pushState puts a deeper node in the location bar, the header,
  // the navigation and the favicon would point below the finder (404s).
  // Links within the page (#…, or empty) stay as they are.
  function pin(container, base) {
    var elements = container.querySelectorAll(PINNED);
    for (var i = 0; i < elements.length; i += 1) {
      var attribute = elements[i].hasAttribute("href") ? "href" : "action";
      var value = elements[i].getAttribute(attribute);
      if (value && value.charAt(0) !== "#") {
        elements[i].setAttribute(attribute, new URL(value, base).href);
      }
    }
  }

  // Links that name the page shown in every locale, each matched by its
  // locale: the language menu and the head's hreflang links.
  var TRANSLATIONS = [["a.md-select__link[data-locale]", "data-locale"], ["link[hreflang]", "hreflang"]];

  // Point the links to the page in other locales at the node now shown, as
  // they are on its static page, so that switching language keeps the node.
  function followTranslations(page, url) {
    TRANSLATIONS.forEach(function (pair) {
      var mine = document.querySelectorAll(pair[0]);
      var theirs = page.querySelectorAll(pair[0]);
      for (var i = 0; i < mine.length; i += 1) {
        for (var j = 0; j < theirs.length; j += 1) {
          if (theirs[j].getAttribute(pair[1]) === mine[i].getAttribute(pair[1]) && theirs[j].hasAttribute("href")) {
            mine[i].setAttribute("href", new URL(theirs[j].getAttribute("href"), url.href).href);
          }
        }
      }
    });
  }

  // The address of a page, without the fragment: the node on show is a page.
  function pageOf(href) {
    var url = new URL(href);
    url.hash = "";
    return url.href;
  }

  // The node on show. A link to a part of the page (the skip link) changes the
  // address and fires popstate too, with no other node to show.
  var shown = pageOf(window.location.href);

  function inScope(url) {
    return url.origin === window.location.origin && url.pathname.indexOf(scope) === 0 && !url.hash;
  }

  function show(html, url) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var next = page.querySelector("[data-finder]");
    if (!next) {
      throw new Error("no finder on " + url);
    }
    pin(next, url.href);
    // Everything around the finder first, so that by the time the new node shows, all of the page is its.
    document.title = page.title;
    // The head and the header describe the node shown: address, description, title.
    var topic = ".md-header__topic:last-child .md-ellipsis";
    if (document.querySelector(topic) && page.querySelector(topic)) {
      document.querySelector(topic).textContent = page.querySelector(topic).textContent;
    }
    [["link[rel='canonical']", "href"], ["meta[name='description']", "content"]].forEach(function (pair) {
      var mine = document.querySelector(pair[0]);
      var theirs = page.querySelector(pair[0]);
      if (mine && theirs) {
        var value = theirs.getAttribute(pair[1]);
        mine.setAttribute(pair[1], pair[1] === "href" ? new URL(value, url.href).href : value);
      }
    });
    followTranslations(page, url);
    root.replaceWith(next);
    root = next;
    shown = pageOf(url.href);
    var heading = root.querySelector("#finder-heading");
    var step = root.querySelector(".finder__step");
    if (heading) {
      heading.focus();
    }
    if (status && heading) {
      status.textContent = (step ? step.textContent + ": " : "") + heading.textContent;
    }
    announce();
  }

  // Say on the page which node is on show, once everything of it is in place:
  // what a test (or any tool driving the page) waits for after an answer.
  function announce() {
    document.documentElement.setAttribute("data-finder-shown", shown);
  }

  function load(url, push) {
    return fetch(url.href, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status + " " + url);
        }
        return response.text();
      })
      .then(function (html) {
        if (push) {
          window.history.pushState({ finder: true }, "", url.href);
        }
        show(html, url);
      })
      .catch(function () {
        // Whatever went wrong, the static page is the answer.
        window.location.assign(url.href);
      });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-finder] a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var url = new URL(link.getAttribute("href"), document.baseURI);
    if (!inScope(url)) {
      return;
    }
    event.preventDefault();
    load(url, true);
  });

  window.addEventListener("popstate", function () {
    if (pageOf(window.location.href) !== shown) {
      load(new URL(window.location.href), false);
    }
  });

  pin(document, document.baseURI);
  announce();

  // The first entry gets a state too, so going back to it is handled here.
  window.history.replaceState({ finder: true }, "", window.location.href);
})();
