"""Turn a customer-service policy into a proven, localized static help site."""
