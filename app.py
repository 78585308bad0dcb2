"""The scenario comparison app: `streamlit run app.py` (see the README's quick start)."""
from transitiesim.ui.page import main

main()
