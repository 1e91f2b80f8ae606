"""Property tests are derandomized in CI, so a run is repeatable; locally they explore anew."""
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")
