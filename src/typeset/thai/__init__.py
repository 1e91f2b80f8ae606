"""Thai knowledge in one place, no I/O: character classes, word list and segmentation, numerals."""
