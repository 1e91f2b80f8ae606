"""Names kept for the PDF importer, which still imports them from here: Markdown escaping lives in
typeset.writers.markdown, YAML scalars in typeset.writers.yamltext."""
from typeset.writers.markdown import escape
from typeset.writers.yamltext import scalar as yaml_scalar

__all__ = ["escape", "yaml_scalar"]
