"""Control of the host console from outside (a Stream Deck through Companion, a script):
the verbs in one table (verbs.py), HTTP (http.py) and OSC (osc.py) over them, and the
server that runs both on the console's own event loop (server.py).

Nothing here imports Textual: the console is reached through the `Console` protocol,
which the user interface implements (facilitator/ui/control.py).
"""
