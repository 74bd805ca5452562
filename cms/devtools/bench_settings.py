"""What `make bench` measures: production's settings plus this app.

bench_api prepares its database (`scale_demo`) and serves gunicorn with these, so that the
figures are production's while the floor view and the data commands are available.
"""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "cms.devtools"]
