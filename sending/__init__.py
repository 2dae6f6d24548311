"""Sending a submitted form to the team the strategy names, with its PDF encrypted."""
