"""pbxdesk: desktop configurator for the incoming calls of a cloud PBX."""

__version__ = "0.1.0"
