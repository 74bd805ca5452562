"""The translator's workspace: the Translate view of a page or snippet and what it does."""
