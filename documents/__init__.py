"""Word and PDF documents made from declared artefacts and their answers."""
