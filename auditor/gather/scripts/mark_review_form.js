// Tag a site profile's review form so the review step finds it as it finds its own.
(el) => el.setAttribute('data-auditor-after', 'review-form')
