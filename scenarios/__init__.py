"""Built-in personas and journeys, installed as auditor.scenarios."""
