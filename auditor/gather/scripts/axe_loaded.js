() => typeof window.axe !== 'undefined' && typeof window.axe.run === 'function'
