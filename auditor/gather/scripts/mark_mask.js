// Marks a frame element so that screenshots cover it (it may hold card fields).
(frame) => frame.setAttribute('data-auditor-mask', '')
