// Say the browser is automated, as Chromium does by default (navigator.webdriver true), for a
// store that must tell the auditor apart from its customers (--announce-automation).
Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => true, configurable: true });
