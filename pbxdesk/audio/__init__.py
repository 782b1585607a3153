"""Audio: conversion to the telephony master, text-to-speech, the media library and (Qt) playback.

Everything but :mod:`pbxdesk.audio.player` is free of Qt and used by the provisioning service too.
"""
