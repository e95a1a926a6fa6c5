"""Tests of how the desktop builds are made (`packaging/`)."""
