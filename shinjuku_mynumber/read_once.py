"""What several parts of one page need, read from the database once for the
request (the header, the footer and the home page's lists share the section
list; both live summaries need the yearly closures; the page and the page
cache both ask for the banners). Nothing outlives the request."""


def once_per_request(request, key: str, load):
    """`load()` the first time `request` asks for `key`, the same value after.
    Without a request (a template rendered outside one), just `load()`."""
    if request is None:
        return load()
    found = request.__dict__.setdefault("_read_once", {})
    if key not in found:
        found[key] = load()
    return found[key]
