"""Browser fixtures: the built site served on 127.0.0.1 and Debian's Chromium."""
