// Nothing: run only so that Playwright sets up its selector engine in the page's world.
() => 0
