// The words and address of each link, shown or folded away in a closed menu: [[words, href]].
(links) => links.map((a) => [(a.textContent || '').replace(/\s+/g, ' ').trim(), a.getAttribute('href') || ''])
