"""Who wrote a text: phone numbers, email addresses, file-sharing links and name comparison."""
