"""Qt adapters over the consultation and small view state: site model, session, history."""
