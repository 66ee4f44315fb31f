# Varnish in front of the site (Varnish 7 with varnish-modules for xkey).
#
# - Caches what the site marks public, for its s-maxage (pages say up to a
#   day: every staff edit purges the pages it changes, by tag).
# - Purges: the site sends `PURGE /` with an `xkey-purge: <tags>` header to
#   each address in its CDN_PURGE_URLS; only the addresses in acl purgers
#   below may purge.
# - Grace: when the site is down or slow, cached pages are served for up to
#   six hours after they expire.
# - The tag header (Surrogate-Key) stays between the site and Varnish.
#
# Several app servers: put a load balancer at .host/.port, or add backends
# and a round-robin director (vmod directors).
vcl 4.1;

import xkey;

backend app {
    .host = "app";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the app servers. Keep this to their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "The xkey-purge header names the tags to purge"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff are logged in (a session cookie): their pages are private and the
    # site renders them. Anonymous visitors have no cookie the site reads.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # The site's tags become xkey's keys.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    set beresp.grace = 6h;
}

sub vcl_deliver {
    unset resp.http.Surrogate-Key;
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
