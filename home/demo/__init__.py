"""Demo content: built in code through the services the admin uses, so it survives schema changes."""
