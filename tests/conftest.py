from hypothesis import settings

# Same examples on every run, so a red CI can be reproduced on a laptop.
settings.register_profile("book", derandomize=True, deadline=None, print_blob=True)
settings.load_profile("book")
