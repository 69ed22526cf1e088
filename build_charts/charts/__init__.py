"""One module per chart, named after its chart id; each defines `build(<dataset ids>…)`."""
