// The page's own clock; also a cheap sign that the tab's renderer still answers.
() => performance.now()
