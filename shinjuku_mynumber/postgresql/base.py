"""Django's PostgreSQL backend, with every wait for the server time-limited.

Connecting is limited by libpq's connect_timeout and queries by the server's
statement_timeout (both in settings.DATABASES' OPTIONS); what neither covers,
a network that freezes without a reset, is limited here on the client side
(db_watchdog): queries, the connection health check, commit and rollback
give up after DATABASE_CLIENT_TIMEOUT seconds. The request then gets the
friendly 503 page (middleware.DatabaseUnavailableMiddleware), and for
DATABASE_RETRY_SECONDS new connections are not even tried, so that an outage
costs other requests nothing; after that the next request connects afresh.

The connection without a database (creating and dropping databases: tests,
set-up) is not limited: DROP DATABASE alone may wait 5 s for other sessions.
"""

import contextlib

from django.conf import settings
from django.db.backends.base.base import NO_DB_ALIAS
from django.db.backends.postgresql import base

from .. import db_watchdog


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # First in the list: Django's own execute_wrapper() blocks add after it.
        self.execute_wrappers.insert(0, self._time_limited_execute)

    @property
    def _limited(self):
        return self.alias != NO_DB_ALIAS

    def get_connection_params(self):
        params = super().get_connection_params()
        if not self._limited:
            params.pop("options", None)  # statement_timeout
            params.pop("tcp_user_timeout", None)
        return params

    def _time_limit(self):
        if not self._limited:
            return contextlib.nullcontext()
        try:
            fd = self.connection.fileno()
        except Exception:  # closed or broken: no wait to limit
            return contextlib.nullcontext()
        return db_watchdog.time_limit(
            fd, settings.DATABASE_CLIENT_TIMEOUT, settings.DATABASE_RETRY_SECONDS
        )

    def _time_limited_execute(self, execute, sql, params, many, context):
        with self._time_limit():
            return execute(sql, params, many, context)

    def get_new_connection(self, conn_params):
        if db_watchdog.is_down():
            raise base.Database.OperationalError("database unavailable (retrying shortly)")
        try:
            connection = super().get_new_connection(conn_params)
        except base.Database.OperationalError:
            db_watchdog.mark_down(settings.DATABASE_RETRY_SECONDS)
            raise
        db_watchdog.mark_up()
        return connection

    def init_connection_state(self):
        with self._time_limit():
            super().init_connection_state()

    def is_usable(self):
        if self.connection is None:
            return False
        with self._time_limit():
            return super().is_usable()

    def _commit(self):
        with self._time_limit():
            return super()._commit()

    def _rollback(self):
        with self._time_limit():
            return super()._rollback()
