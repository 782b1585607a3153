"""One editor per kind of action, each with its own Save / Cancel / Delete (see ``node_panel``)."""
