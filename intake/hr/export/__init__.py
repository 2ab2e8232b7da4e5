"""What HR takes away: documents in safely named folders, listings as Excel workbooks."""
