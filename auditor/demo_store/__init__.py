"""The embedded demo store, served on 127.0.0.1, with switchable flaws."""
