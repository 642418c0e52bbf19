"""Self-checks run by `python -m unittest inventory.checks` in CI."""

from __future__ import annotations

import unittest
from decimal import Decimal

import numpy as np
import pandas as pd
from pydantic import ValidationError

from .forecasting import area_under_curve, cumulative_growth, known_skus
from .schemas import PriceChange, ProductIn


class SchemaChecks(unittest.TestCase):
    def test_product_in_normalizes_name(self) -> None:
        product = ProductIn.model_validate(
            {"sku": "ABC-0001", "name": "  Red   mug ", "price": "4.50"}
        )
        self.assertEqual(product.name, "Red mug")
        self.assertEqual(product.model_dump()["price"], Decimal("4.50"))

    def test_unknown_supplier_rejected(self) -> None:
        with self.assertRaisesRegex(ValidationError, "unknown supplier"):
            ProductIn.model_validate(
                {"sku": "ABC-0002", "name": "Mug", "price": "1.00", "supplier": "acme"},
                context={"suppliers": {"globex"}},
            )

    def test_price_change_must_change(self) -> None:
        with self.assertRaises(ValidationError):
            PriceChange(sku="ABC-0003", old_price=Decimal("1"), new_price=Decimal("1"))

    def test_json_round_trip(self) -> None:
        change = PriceChange(sku="ABC-0004", old_price=Decimal("1"), new_price=Decimal("2"))
        again = PriceChange.model_validate_json(change.model_dump_json())
        self.assertEqual(again, change)
        self.assertRegex(change.model_dump_json(), r'"reason":"supplier"')


class ForecastChecks(unittest.TestCase):
    def test_area(self) -> None:
        self.assertAlmostEqual(area_under_curve(np.array([0.0, 1.0, 2.0])), 2.0)

    def test_growth(self) -> None:
        growth = cumulative_growth(np.array([0.1, 0.1]))
        self.assertTrue(np.allclose(growth, [1.1, 1.21]))
        self.assertNotEqual(growth[0], growth[1])

    def test_known(self) -> None:
        flags = known_skus(np.array(["a", "b"]), np.array(["b"]))
        self.assertFalse(bool(flags[0]))
        self.assertTrue(bool(flags[1]))

    def test_frame(self) -> None:
        frame = pd.DataFrame({"sku": ["a", "b"], "stock": [1, 2]})
        pd.testing.assert_frame_equal(frame.copy(), frame)
        self.assertNotRegex("sku", r"\d")


if __name__ == "__main__":
    unittest.main()
