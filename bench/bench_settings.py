"""Production settings with STATIC_ROOT in a throwaway folder (bench and Lighthouse).

The project's settings fix STATIC_ROOT to ./staticfiles; the bench collects
into a temporary folder instead so it never touches a developer's files.
"""

import os

from shinjuku_mynumber.settings import *  # noqa: F403

STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
