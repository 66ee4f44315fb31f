"""PostgreSQL with a time limit on every wait for the server (see base.py)."""
