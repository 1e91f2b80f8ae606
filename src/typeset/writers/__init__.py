"""Writers from the document tree (typeset.source.nodes) to the thesis folder's files."""
