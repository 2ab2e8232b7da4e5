"""Real-browser tests of the web console: Debian's Chromium, headless, driven by Selenium."""
