"""CV Maker's framework-free core: the domain, the ports, the services and the adapters."""
