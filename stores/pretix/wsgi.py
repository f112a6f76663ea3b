"""pretix served as in production, not by Django's development server: its own WSGI application
under gunicorn, with WhiteNoise in front for the compiled static files. They go out gzipped
and cached for a year, as the front web server in pretix's installation guide serves them
(Cache-Control public, expires 365d): a persona's waits are the platform's, not a dev
server's."""

from django.conf import settings
from pretix.wsgi import application as pretix
from whitenoise import WhiteNoise

YEAR_S = 365 * 24 * 3600

application = WhiteNoise(pretix, root=settings.STATIC_ROOT, prefix=settings.STATIC_URL,
                         max_age=YEAR_S)
