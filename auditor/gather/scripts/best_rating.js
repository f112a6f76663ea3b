// Which radio of a rating group is the best: the highest value, or the last of equals
// (stars are often radios drawn as icons, valued 1 to 5).
(radios) => radios.reduce((best, radio, i) =>
  ((parseFloat(radio.value) || i) >= (parseFloat(radios[best].value) || best) ? i : best), 0)
