// Puppeteer must not download its own Chrome (this machine has no route to Google's storage, and CI
// must not depend on one): LiveLab drives Debian's /usr/bin/chromium (reports/render findBrowser).
module.exports = { skipDownload: true };
