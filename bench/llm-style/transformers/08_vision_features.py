# transformers==5.0.0
# Task: classify an image with a ViT model.
from PIL import Image
# deprecated: transformers.ViTFeatureExtractor
from transformers import ViTFeatureExtractor, ViTForImageClassification

# deprecated: transformers.ViTFeatureExtractor
feature_extractor = ViTFeatureExtractor.from_pretrained("google/vit-base-patch16-224")
model = ViTForImageClassification.from_pretrained("google/vit-base-patch16-224")
inputs = feature_extractor(images=Image.open("cat.jpg"), return_tensors="pt")
logits = model(**inputs).logits
print(model.config.id2label[logits.argmax(-1).item()])
