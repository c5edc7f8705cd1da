"""One module per question the CLI answers. Each takes the catalog first and
returns plain values (dicts and lists) that the CLI formats."""
