"""The web front end: `facilitator serve` for phones and browsers on the venue's network.

Beside ui/ (Textual) as the other outer layer: it draws what roles/, notes/ and review/
compute, and never imports Textual. token.py and limits.py are the pieces any other
server of the project can reuse (a join token checked on every request, body-size and
rate limits per device).
"""
