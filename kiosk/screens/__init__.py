"""One module per screen. Screens never import each other; ``kiosk.app`` wires them."""
