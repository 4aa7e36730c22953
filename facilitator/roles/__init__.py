"""Each role's hold on a session, without any user interface: the host, the note-taker
and the stage. A front end draws what these decide."""
