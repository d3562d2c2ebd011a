"""From Word to a PDF ready for joint signing: conversion, signature fields, signing, forms."""
