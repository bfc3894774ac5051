"""Accounts: people who sign in to the newsroom, and their roles.

Imports nothing else of Dateline; every other package may import it.
"""
