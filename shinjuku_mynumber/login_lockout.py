"""Staff sign-in lock-out: per (username, address) pair and per address.

django-axes counts failures per row (username, address, user agent) and, with
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"], sums
them per pair and per address. It has a single limit for both; an office
behind one address needs a larger one for the address (many staff, many
typos) than for one account, hence this handler.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


class PairAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        pair, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if address >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            # Expressed on axes' single scale: at the limit, so locked.
            return max(pair, settings.AXES_FAILURE_LIMIT)
        return pair
