"""Browser tests: Playwright driving Debian Chromium against built sites served on 127.0.0.1."""
