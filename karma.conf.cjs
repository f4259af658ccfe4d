// Karma for `ng test` (@angular/build:karma): Debian's Chromium, headless, one run.
// The inline `efr-counts` reporter writes test-results/karma.counts.json, which
// scripts/test.mjs reads to total every suite of the project on one line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { resolve } = require('node:path');

process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

/** Karma reporter that counts spec results and writes them as JSON at the end of the run. */
function CountsReporter(baseReporterDecorator) {
  baseReporterDecorator(this);
  const counts = { suite: 'karma', passed: 0, failed: 0, skipped: 0, failures: [] };
  this.onSpecComplete = (_browser, result) => {
    const name = [...result.suite, result.description].join(' ');
    if (result.skipped || result.disabled) counts.skipped++;
    else if (result.success) counts.passed++;
    else {
      counts.failed++;
      counts.failures.push(name);
    }
  };
  this.onBrowserError = (_browser, error) => {
    // A load error (syntax, missing provider at import time) ends the browser without specs.
    counts.failed++;
    counts.failures.push(`browser error: ${String(error?.message ?? error).slice(0, 300)}`);
  };
  this.onRunComplete = (_browsers, results) => {
    if (results.error && counts.failed === 0) {
      counts.failed++;
      counts.failures.push('karma run error');
    }
    const dir = resolve(__dirname, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, 'karma.counts.json'), JSON.stringify(counts, null, 2));
  };
}
CountsReporter.$inject = ['baseReporterDecorator'];

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      { 'reporter:efr-counts': ['type', CountsReporter] },
    ],
    client: {
      jasmine: { random: false },
      clearContext: true,
    },
    reporters: ['progress', 'efr-counts'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      },
    },
    browserNoActivityTimeout: 120000,
    captureTimeout: 120000,
    singleRun: true,
    autoWatch: false,
    restartOnFileChange: false,
  });
};
