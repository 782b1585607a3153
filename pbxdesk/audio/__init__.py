"""Audio: conversion to the telephony master, text-to-speech, the media library and (Qt) playback.

Everything but the player part (:mod:`pbxdesk.audio.player`, :mod:`pbxdesk.audio.player_jobs`) is free of Qt and
used by the provisioning service too.
"""
