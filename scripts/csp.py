#!/usr/bin/env python3
"""Trunk post-build hook: give the built page a strict Content-Security-Policy.

Trunk writes one inline module script (it loads the app's wasm-bindgen glue); the policy
allows that script by its SHA-256 and nothing else inline. Everything else the page loads
is its own: scripts, the wasm (compiled under 'wasm-unsafe-eval'), the worker, the style
sheet; images only as data: URLs (the icon). No remote source, no plugin, no <base>, no
form submission. The policy goes in a <meta> as the first element of <head>, so it covers
every script after it; a blocked attempt raises a `securitypolicyviolation` event.

Reads and rewrites $TRUNK_STAGING_DIR/index.html (or the file given as the argument)."""
import base64
import hashlib
import os
import re
import sys

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.environ["TRUNK_STAGING_DIR"], "index.html")
with open(path, encoding="utf-8") as f:
    html = f.read()
if 'http-equiv="Content-Security-Policy"' in html:
    sys.exit(0)
inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)
hashes = " ".join(
    "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
    for s in inline
)
policy = "; ".join(
    [
        "default-src 'none'",
        f"script-src 'self' 'wasm-unsafe-eval' {hashes}".strip(),
        "worker-src 'self'",
        "connect-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)
meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}" />'
html, n = re.subn(r"<head>", "<head>\n    " + meta, html, count=1)
if n != 1:
    sys.exit(f"csp.py: no <head> in {path}")
with open(path, "w", encoding="utf-8") as f:
    f.write(html)
print(f"csp.py: {len(inline)} inline script(s) allowed by hash")
